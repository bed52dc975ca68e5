import type { Server } from 'node:http';

/**
 * Stops accepting connections, lets requests in flight finish, and after
 * `timeoutMs` cuts whatever is still open. Idle keep-alive connections are
 * closed as they become idle, so a client between two requests does not hold
 * the shutdown up.
 */
export function closeGracefully(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const cut = setTimeout(() => server.closeAllConnections(), timeoutMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}
