import { useNavigate } from 'react-router';
import { useShortcuts } from '../shortcuts/ShortcutsProvider';

/** Shortcuts that work on every page: search and going home. */
export function GlobalKeys() {
  const navigate = useNavigate();
  const focusSearch = () => document.getElementById('global-search')?.focus();
  useShortcuts([
    { combo: '/', handler: focusSearch },
    { combo: 'mod+k', handler: focusSearch, allowInInputs: true },
    { combo: 'g', handler: () => navigate('/views/my_open') },
  ]);
  return null;
}
