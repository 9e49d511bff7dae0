import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ShortcutsProvider, useShortcuts } from './ShortcutsProvider';

function Counter() {
  const [n, setN] = useState(0);
  const [sent, setSent] = useState(0);
  useShortcuts([
    { combo: 'j', handler: () => setN((x) => x + 1) },
    { combo: 'mod+enter', handler: () => setSent((x) => x + 1), allowInInputs: true },
  ]);
  return (
    <div>
      <output aria-label="count">{n}</output>
      <output aria-label="sent">{sent}</output>
      <input aria-label="field" />
    </div>
  );
}

describe('ShortcutsProvider', () => {
  it('runs page shortcuts from anywhere but not while typing in a field', async () => {
    const user = userEvent.setup();
    render(
      <ShortcutsProvider>
        <Counter />
      </ShortcutsProvider>,
    );
    await user.keyboard('jj');
    expect(screen.getByLabelText('count')).toHaveTextContent('2');
    await user.click(screen.getByLabelText('field'));
    await user.keyboard('j');
    expect(screen.getByLabelText('count')).toHaveTextContent('2');
    expect(screen.getByLabelText('field')).toHaveValue('j');
    fireEvent.keyDown(screen.getByLabelText('field'), { key: 'Enter', ctrlKey: true });
    expect(screen.getByLabelText('sent')).toHaveTextContent('1');
  });

  it('unbinds when the page goes away', async () => {
    const user = userEvent.setup();
    const { rerender } = render(
      <ShortcutsProvider>
        <Counter />
      </ShortcutsProvider>,
    );
    rerender(<ShortcutsProvider>{null}</ShortcutsProvider>);
    await user.keyboard('j');
    expect(screen.queryByLabelText('count')).toBeNull();
  });
});
