// `npm start`: serves the production build on 127.0.0.1 and prints the URL to open.
import { preview } from 'vite';

const server = await preview({ preview: { host: '127.0.0.1', port: Number(process.env.EVSIM_PORT ?? 4173), strictPort: true } });
const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4173/';
console.log(`\nevsim is running: open ${url} (the built-in example scenario opens). Press Ctrl+C to stop.`);
