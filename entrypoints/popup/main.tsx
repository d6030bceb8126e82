import { render } from 'preact';

render(<p>Taitou</p>, document.getElementById('app') as HTMLElement);
