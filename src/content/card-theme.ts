// The open card's theme, for what renders inside it: the note frame is told
// it in its address, so the frame matches the card around it.
import { createContext } from 'preact';
import type { Theme } from './background-theme';

export const CardTheme = createContext<Theme | null>(null);
