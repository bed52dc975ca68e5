import { setup } from '../setup.ts';

process.exitCode = await setup(process.argv.slice(2));
