/**
 * The presenter's screen: full screen on request, and controls that hide after a few seconds
 * without pointer movement or a key (as StoryMaps does) and come back on the next one. DOM only:
 * the presentation's decisions are in state/present-session.svelte.ts.
 */
import { app } from '../../state/app.svelte';
import { session } from '../../state/present-session.svelte';

/** Controls hide after this long without pointer movement or a key press, ms. */
const CONTROLS_IDLE_MS = 3000;

export class PresenterScreen {
  fullscreen = $state(!!document.fullscreenElement);
  idle = $state(false);
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Shows the controls and restarts the countdown to hiding them. */
  wake = () => {
    this.idle = false;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      // Not while the pointer rests on the controls or a control has the keyboard focus.
      const c = document.querySelector('.presenter nav.controls');
      if (c && (c.matches(':hover') || c.contains(document.activeElement))) this.wake();
      else this.idle = true;
    }, CONTROLS_IDLE_MS);
  };

  async toggleFullscreen(): Promise<void> {
    try {
      if (document.fullscreenElement) await document.exitFullscreen();
      else if (document.documentElement.requestFullscreen) await document.documentElement.requestFullscreen();
      else throw new Error('Fullscreen API missing');
    } catch (e) {
      session.toast(
        app.t('present.fullscreenFailed', { message: e instanceof Error ? e.message : String(e) }),
      );
    }
  }

  /** Starts following full screen and the idle countdown; the returned function stops both. */
  start(): () => void {
    const onFs = () => (this.fullscreen = !!document.fullscreenElement);
    document.addEventListener('fullscreenchange', onFs);
    this.wake();
    return () => {
      clearTimeout(this.timer);
      document.removeEventListener('fullscreenchange', onFs);
      if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    };
  }
}
