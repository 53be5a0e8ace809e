import { describe, expect, it } from 'vitest';
import { presentKeyAction, targetChapter, parseAutoplay } from '../../../src/core/story/navigation';

describe('presentKeyAction', () => {
  it('maps clicker and keyboard keys to next and previous', () => {
    for (const key of ['ArrowRight', 'ArrowDown', 'PageDown', ' '])
      expect(presentKeyAction({ key })).toEqual({ type: 'next' });
    for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp'])
      expect(presentKeyAction({ key })).toEqual({ type: 'prev' });
  });

  it('maps Home, End, digits, F and Escape', () => {
    expect(presentKeyAction({ key: 'Home' })).toEqual({ type: 'first' });
    expect(presentKeyAction({ key: 'End' })).toEqual({ type: 'last' });
    expect(presentKeyAction({ key: '4' })).toEqual({ type: 'goto', chapter: 4 });
    expect(presentKeyAction({ key: 'f' })).toEqual({ type: 'fullscreen' });
    expect(presentKeyAction({ key: 'F' })).toEqual({ type: 'fullscreen' });
    expect(presentKeyAction({ key: 'Escape' })).toEqual({ type: 'exit' });
  });

  it('leaves other keys and browser shortcuts alone', () => {
    expect(presentKeyAction({ key: '0' })).toBeNull();
    expect(presentKeyAction({ key: 'a' })).toBeNull();
    expect(presentKeyAction({ key: 'f', ctrlKey: true })).toBeNull();
    expect(presentKeyAction({ key: 'ArrowLeft', altKey: true })).toBeNull();
    expect(presentKeyAction({ key: 'r', metaKey: true })).toBeNull();
  });
});

describe('targetChapter', () => {
  it('steps within the story and stops at its ends', () => {
    expect(targetChapter(3, 8, { type: 'next' })).toBe(4);
    expect(targetChapter(8, 8, { type: 'next' })).toBe(8);
    expect(targetChapter(1, 8, { type: 'prev' })).toBe(1);
    expect(targetChapter(5, 8, { type: 'first' })).toBe(1);
    expect(targetChapter(5, 8, { type: 'last' })).toBe(8);
  });

  it('wraps around when looping (autoplay)', () => {
    expect(targetChapter(8, 8, { type: 'next' }, true)).toBe(1);
    expect(targetChapter(1, 8, { type: 'prev' }, true)).toBe(8);
  });

  it('clamps jumps beyond the story', () => {
    expect(targetChapter(1, 5, { type: 'goto', chapter: 9 })).toBe(5);
    expect(targetChapter(4, 5, { type: 'goto', chapter: 2 })).toBe(2);
    expect(targetChapter(12, 5, { type: 'fullscreen' })).toBe(5);
  });
});

describe('parseAutoplay', () => {
  it('reads seconds and rejects nonsense', () => {
    expect(parseAutoplay('10')).toBe(10);
    expect(parseAutoplay('2.5')).toBe(2.5);
    expect(parseAutoplay('')).toBe(10);
    expect(parseAutoplay(undefined)).toBeNull();
    expect(parseAutoplay('0')).toBeNull();
    expect(parseAutoplay('soon')).toBeNull();
  });
});
