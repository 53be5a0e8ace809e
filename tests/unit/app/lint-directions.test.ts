/**
 * The folder directions of docs/architecture.md are enforced by eslint.config.js. Each case lints a
 * small in-memory file placed in a folder: the forbidden import (or global) must fail with the rule
 * that guards it, and the allowed one next to it must pass, so neither half can rot unnoticed.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The ids of the direction rules an in-memory file breaks. */
async function broken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages
    .map((m) => m.ruleId ?? `fatal: ${m.message}`)
    .filter((id) => /restricted|fatal/.test(id));
}

const IMPORTS = 'no-restricted-imports';
const TS_IMPORTS = '@typescript-eslint/no-restricted-imports';
const GLOBALS = 'no-restricted-globals';

interface Case {
  rule: string;
  file: string;
  forbidden: string;
  allowed: string;
  breaks: string;
}

const cases: Case[] = [
  {
    rule: 'core imports nothing of ours outside core',
    file: 'src/core/coverage/lint-probe.ts',
    forbidden: "import { app } from '../../state/app.svelte';\nexport const x = app;\n",
    allowed: "import { snapDistance } from '../geo/measure';\nexport const x = snapDistance;\n",
    breaks: IMPORTS,
  },
  {
    rule: 'core imports no map or UI framework',
    file: 'src/core/lint-probe.ts',
    forbidden: "import { Map } from 'maplibre-gl';\nexport const x = Map;\n",
    allowed: "import { z } from 'zod';\nexport const x = z;\n",
    breaks: IMPORTS,
  },
  {
    rule: 'core uses no browser globals',
    file: 'src/core/lint-probe.ts',
    forbidden: 'export const x = () => localStorage.length;\n',
    allowed: 'export const x = () => Math.max(1, 2);\n',
    breaks: GLOBALS,
  },
  {
    rule: 'worker imports only core',
    file: 'src/worker/lint-probe.ts',
    forbidden: "import { saveImport } from '../state/persistence';\nexport const x = saveImport;\n",
    allowed: "import { parseAndValidate } from '../core/import';\nexport const x = parseAndValidate;\n",
    breaks: IMPORTS,
  },
  {
    rule: 'worker runs without the map',
    file: 'src/worker/lint-probe.ts',
    forbidden: "import { Map } from 'maplibre-gl';\nexport const x = Map;\n",
    allowed: "import { z } from 'zod';\nexport const x = z;\n",
    breaks: IMPORTS,
  },
  {
    rule: 'map imports core and map only',
    file: 'src/map/lint-probe.ts',
    forbidden: "import { app } from '../state/app.svelte';\nexport const x = app;\n",
    allowed:
      "import { PALETTE } from './palette';\nimport { formatOrigin } from '../core/find/origin';\nexport const x = [PALETTE, formatOrigin];\n",
    breaks: IMPORTS,
  },
  {
    rule: 'map is plain MapLibre code, no UI framework',
    file: 'src/map/lint-probe.ts',
    forbidden: "import { untrack } from 'svelte';\nexport const x = untrack;\n",
    allowed: "import { LngLatBounds } from 'maplibre-gl';\nexport const x = LngLatBounds;\n",
    breaks: IMPORTS,
  },
  {
    rule: 'state never imports ui',
    file: 'src/state/lint-probe.ts',
    forbidden: "import { view } from '../ui/coverage/CoverageMap.svelte';\nexport const x = view;\n",
    allowed: "import { app } from './app.svelte';\nexport const x = app;\n",
    breaks: TS_IMPORTS,
  },
  {
    rule: 'state makes no MapLibre calls',
    file: 'src/state/lint-probe.ts',
    forbidden: "import { Marker } from 'maplibre-gl';\nexport const x = Marker;\n",
    allowed: "import type { Map } from 'maplibre-gl';\nexport type X = Map;\n",
    breaks: TS_IMPORTS,
  },
  {
    rule: 'state never calls a map binding',
    file: 'src/state/lint-probe.ts',
    forbidden: "import { showRoutes } from '../map/route-layers';\nexport const x = showRoutes;\n",
    allowed:
      "import { MISSION_LAYER_GROUPS } from '../map/layer-groups';\nexport const x = MISSION_LAYER_GROUPS;\n",
    breaks: TS_IMPORTS,
  },
  {
    rule: 'state does not query the page (its URL and storage are its own)',
    file: 'src/state/lint-probe.ts',
    forbidden: "export const x = () => document.querySelector('aside');\n",
    allowed: 'export const x = () => location.hash + localStorage.length;\n',
    breaks: GLOBALS,
  },
];

describe('folder directions are enforced by lint', () => {
  it.each(cases)('$rule: the forbidden file fails, the allowed one passes', async (c) => {
    expect(await broken(c.file, c.forbidden)).toEqual([c.breaks]);
    expect(await broken(c.file, c.allowed)).toEqual([]);
  });
});
