import { render } from 'preact';
import { App } from './App';
import './ui/app.css';

render(<App />, document.getElementById('app')!);
