import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';
import { startGraphRequests } from './graph/prefetch';

// Before anything renders: the graph view's answers take longest, and are asked for first (graph/prefetch.ts).
startGraphRequests(location.hash);

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
