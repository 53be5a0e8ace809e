/**
 * The year whose green spaces the map draws as built (the rest hatched, map/green-year.ts): the
 * residents' year on their tab, else the coverage tab's. The map's style starts with it, and the
 * map follows it after.
 */
import type { Scenario } from '../core/coverage/types';
import { app } from './app.svelte';
import { coverage } from './coverage.svelte';
import { find } from './find.svelte';

export const drawnScenario = (): Scenario => (app.tab === 'find' ? find.scenario : coverage.scenario);
