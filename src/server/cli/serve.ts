#!/usr/bin/env node
/** `npm run serve`: the reference backend alone, configured from the environment (see ../serve.ts). */
import { serveUntilSignalled } from '../serve.js';

await serveUntilSignalled();
