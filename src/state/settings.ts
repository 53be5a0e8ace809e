/**
 * Small user settings remembered across visits (language, visible layers). The URL wins over
 * these, and these over defaults (DESIGN.md). Storage may be unavailable (private mode, kiosk
 * lock-down): then settings simply aren't remembered.
 */
const KEY = 'greenCircle.settings.v1';

export interface Settings {
  lang?: 'zh' | 'en';
  layers?: string[];
}

export function readSettings(): Settings {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return {};
    const s = JSON.parse(raw) as Settings;
    const out: Settings = {};
    if (s.lang === 'zh' || s.lang === 'en') out.lang = s.lang;
    if (Array.isArray(s.layers) && s.layers.every((l) => typeof l === 'string')) out.layers = s.layers;
    return out;
  } catch {
    return {};
  }
}

export function writeSettings(patch: Settings): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...readSettings(), ...patch }));
  } catch {
    // Storage full or blocked: the app works without remembering.
  }
}
