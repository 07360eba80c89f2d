import { render } from 'preact';
import { knowledgeBase } from '../../src/knowledge/knowledge-base';
import { PopupApp } from '../../src/popup/popup-app';
import '../../src/popup/popup.css';

render(<PopupApp bundled={knowledgeBase} />, document.getElementById('app')!);
