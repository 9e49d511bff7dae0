import { useSyncExternalStore } from 'react';

const KEY = 'servus.chat.sound';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

/** Whether a ringing chat plays a sound (the agent's choice in the top bar, kept in this browser). */
export function useRingSound(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    read,
  );
  const set = (next: boolean) => {
    try {
      localStorage.setItem(KEY, next ? 'on' : 'off');
    } catch {
      // Storage blocked: the choice lasts for this page only.
    }
    for (const l of listeners) l();
  };
  return [on, set];
}

/** Whether the ring sound is on right now (read outside React). */
export function ringSoundOn(): boolean {
  return read();
}

/**
 * A short two-tone chime made with Web Audio (no sound file to load). Browsers only allow it
 * after the agent has interacted with the page; otherwise it stays silent.
 */
export function playChime(): void {
  const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctx) return;
  try {
    const ctx = new Ctx();
    const tone = (freq: number, start: number) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, ctx.currentTime + start);
      gain.gain.exponentialRampToValueAtTime(0.2, ctx.currentTime + start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + start + 0.35);
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + start);
      osc.stop(ctx.currentTime + start + 0.4);
    };
    tone(880, 0);
    tone(1175, 0.18);
    setTimeout(() => void ctx.close(), 1000);
  } catch {
    // No audio device or not allowed yet.
  }
}
