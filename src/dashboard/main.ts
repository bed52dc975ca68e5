/// <reference types="vite/client" />
/** Entry of `dist/pages/dashboard.js` (+ `dashboard.css`), served at `/dashboard`. */
import './dashboard.css';
import './app/checkout-dashboard.ts';
