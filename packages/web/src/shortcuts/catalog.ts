/** Every shortcut the app offers, for the `?` overlay; the pages bind the same combinations. */
export interface ShortcutInfo {
  combos: string[];
  labelKey: string;
}

export const SHORTCUT_GROUPS: { titleKey: string; items: ShortcutInfo[] }[] = [
  {
    titleKey: 'shortcuts.groups.general',
    items: [
      { combos: ['?'], labelKey: 'shortcuts.help' },
      { combos: ['/', 'mod+k'], labelKey: 'shortcuts.search' },
      { combos: ['g'], labelKey: 'shortcuts.goHome' },
    ],
  },
  {
    titleKey: 'shortcuts.groups.list',
    items: [
      { combos: ['j', 'arrowdown'], labelKey: 'shortcuts.nextRow' },
      { combos: ['k', 'arrowup'], labelKey: 'shortcuts.previousRow' },
      { combos: ['enter', 'o'], labelKey: 'shortcuts.openTicket' },
      { combos: ['x'], labelKey: 'shortcuts.selectRow' },
      { combos: ['escape'], labelKey: 'shortcuts.clearSelection' },
    ],
  },
  {
    titleKey: 'shortcuts.groups.ticket',
    items: [
      { combos: ['j'], labelKey: 'shortcuts.nextTicket' },
      { combos: ['k'], labelKey: 'shortcuts.previousTicket' },
      { combos: ['r'], labelKey: 'shortcuts.reply' },
      { combos: ['n'], labelKey: 'shortcuts.note' },
      { combos: ['a'], labelKey: 'shortcuts.assignToMe' },
      { combos: ['shift+s'], labelKey: 'shortcuts.solve' },
      { combos: ['mod+enter'], labelKey: 'shortcuts.send' },
      { combos: ['mod+shift+m'], labelKey: 'macros.shortcutHelp' },
      { combos: ['mod+shift+k'], labelKey: 'kb.link.shortcutHelp' },
      { combos: ['escape'], labelKey: 'shortcuts.backToList' },
    ],
  },
];
