import { render } from 'preact';
import { AddArticleApp } from '../../src/add-article/add-article-app';
import '../../src/add-article/add-article.css';
import { knowledgeBase } from '../../src/knowledge/knowledge-base';

render(<AddArticleApp bundled={knowledgeBase} />, document.getElementById('app')!);
