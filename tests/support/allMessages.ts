/**
 * Tests that compute the app's words outside the app (the browser suites' `say`, the Node side of a
 * test) need every part's messages, not only the shell's: the lazy parts' slices are added here as
 * their pages' chunks add them in the app (src/ui/lazy.tsx).
 */
import { addMessages } from '../../src/ui/messages';
import { collections } from '../../src/ui/messages/areas/collections';
import { detail } from '../../src/ui/messages/areas/detail';
import { linkedin } from '../../src/ui/messages/areas/linkedin';
import { present } from '../../src/ui/messages/areas/present';
import { viewer } from '../../src/ui/messages/areas/viewer';

export const LAZY_AREAS = [detail, viewer, present, linkedin, collections] as const;

export function loadAllMessages(): void {
  for (const area of LAZY_AREAS) addMessages(area);
}
