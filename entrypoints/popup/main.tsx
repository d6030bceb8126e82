import { render } from 'preact';
import { findCustomers } from '../../lib/messaging/client';
import { App } from './App';
import '../../components/theme.css';
import './style.css';

// The recent customers are asked for before the first render, so the answer is on its way while the page paints.
render(<App recent={findCustomers('')} />, document.getElementById('app') as HTMLElement);
