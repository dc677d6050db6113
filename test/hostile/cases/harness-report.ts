import { reportFromCase } from '../../support/isolated.js';

reportFromCase({ survived: true, pid: process.pid });
