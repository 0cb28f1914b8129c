import { describe, expect, it } from 'vitest';
import { canvasTheme, DARK_BELOW, luminance, parseColor, themeOfBackgrounds } from './background-theme';

describe('background theme', () => {
  it('reads computed colours', () => {
    expect(parseColor('rgb(18, 20, 23)')).toEqual({ r: 18, g: 20, b: 23, a: 1 });
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseColor('rgb(10 20 30 / 50%)')).toEqual({ r: 10, g: 20, b: 30, a: 0.5 });
    expect(parseColor('transparent')?.a).toBe(0);
    expect(parseColor('color(display-p3 1 0 0)')).toBeNull();
  });

  it('measures luminance as WCAG does', () => {
    expect(luminance({ r: 255, g: 255, b: 255, a: 1 })).toBeCloseTo(1, 5);
    expect(luminance({ r: 0, g: 0, b: 0, a: 1 })).toBe(0);
    // Mid grey #777 reads light (black text has more contrast on it), #555 dark.
    expect(luminance({ r: 0x77, g: 0x77, b: 0x77, a: 1 })).toBeGreaterThan(DARK_BELOW);
    expect(luminance({ r: 0x55, g: 0x55, b: 0x55, a: 1 })).toBeLessThan(DARK_BELOW);
  });

  it('takes the first opaque background walking up, skipping transparent and faint ones', () => {
    expect(themeOfBackgrounds(['rgba(0, 0, 0, 0)', 'rgba(255, 255, 255, 0.1)', 'rgb(18, 20, 23)', 'rgb(255, 255, 255)'])).toBe('dark');
    // A light box inside a dark page is light.
    expect(themeOfBackgrounds(['rgb(250, 250, 250)', 'rgb(18, 20, 23)'])).toBe('light');
    expect(themeOfBackgrounds(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)'])).toBeNull();
  });

  it('a transparent page shows the canvas: white unless the page allows dark and the reader prefers it', () => {
    expect(canvasTheme('normal', true)).toBe('light');
    expect(canvasTheme('light dark', true)).toBe('dark');
    expect(canvasTheme('light dark', false)).toBe('light');
    expect(canvasTheme('dark', false)).toBe('dark');
  });
});
