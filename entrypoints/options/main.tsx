import { render } from 'preact';
import { knowledgeBase } from '../../src/knowledge/knowledge-base';
import { OptionsApp } from '../../src/options/options-app';
import '../../src/options/options.css';

render(<OptionsApp bundled={knowledgeBase} />, document.getElementById('app')!);
