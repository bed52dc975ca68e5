/**
 * `checkout-link-server [command]`: one entry for the server's commands, as
 * the installed package's `bin` and in the repository
 * (`node --import tsx server/cli/main.ts token`). Each command reads its
 * own arguments after the command's name.
 */
const commands: Record<string, { run: () => Promise<unknown>; what: string }> = {
  start: { run: () => import('../main.ts'), what: 'start the backend (the default)' },
  token: {
    run: () => import('./issue-token.ts'),
    what: 'issue an API token: token ["Organization name"] [--read-only]',
  },
  setup: {
    run: () => import('./bin/setup.ts'),
    what: 'first run: setup --org "My Shop" creates the organization and its first token',
  },
  backup: {
    run: () => import('./bin/backup.ts'),
    what: 'backup <file>: a consistent copy of the live SQLite database',
  },
};

const requested = process.argv[2] && !process.argv[2].startsWith('-') ? process.argv[2] : 'start';
if (requested === process.argv[2]) process.argv.splice(2, 1);
const command = commands[requested];
if (!command || process.argv.includes('--help')) {
  const list = Object.entries(commands).map(([n, c]) => `  ${n.padEnd(8)}${c.what}`);
  console.log(`Usage: checkout-link-server [command]\n\n${list.join('\n')}`);
  process.exit(command ? 0 : 1);
}
await command.run();

export {};
