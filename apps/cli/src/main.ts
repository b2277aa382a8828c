#!/usr/bin/env node
// The `custody` entry. `--version` is answered before anything else loads (not even the argument parser);
// every other command goes to the program, whose commands import what they need when they run.
import { VERSION } from './version.js';

const [first, ...rest] = process.argv.slice(2);
if ((first === '--version' || first === '-V') && rest.length === 0) process.stdout.write(`${VERSION}\n`);
else await import('./program.js');
