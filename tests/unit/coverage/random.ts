export { mulberry32 } from '../../../bench/synthetic-random';
