// Property tests run from one fixed seed, so a run of `npm test` (and CI) is reproducible; set
// FC_SEED to another number, or to `random`, to explore other generated inputs.
import fc from 'fast-check';

const chosen = process.env.FC_SEED;
if (chosen !== 'random') fc.configureGlobal({ seed: chosen && Number.isFinite(Number(chosen)) ? Number(chosen) : 20261130 });
