import './app/mantine-styles.ts';
import './app/app.css';
import { startApp } from './app/start-app.tsx';

const container = document.getElementById('root');
if (container) void startApp(container, { entryModuleUrl: import.meta.url });
