import { backup } from '../backup.ts';

process.exitCode = await backup(process.argv.slice(2));
