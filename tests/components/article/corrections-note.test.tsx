import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { CorrectionsNote } from '@/components/article/corrections-note';

describe('CorrectionsNote', () => {
  it('shows each correction with its date and time, newest first, under a labelled heading', () => {
    render(
      <CorrectionsNote
        corrections={[
          { date: '2026-11-03T03:30:00.000Z', text: 'The minister’s name was misspelt.' },
          { date: '2026-11-04T05:30:00.000Z', text: 'The vote count was 120 to 80.' },
        ]}
      />,
    );
    const note = screen.getByRole('complementary', { name: 'Corrections' });
    const items = within(note).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      '4 November 2026 at 10:00 Afghanistan Time: The vote count was 120 to 80.',
      '3 November 2026 at 08:00 Afghanistan Time: The minister’s name was misspelt.',
    ]);
    expect(
      within(items[0]!)
        .getByText(/4 November 2026/)
        .closest('time'),
    ).toHaveAttribute('dateTime', '2026-11-04T05:30:00.000Z');
  });

  it('says "Correction" for one, and renders nothing when there is none', () => {
    const { container, rerender } = render(
      <CorrectionsNote corrections={[{ date: '2026-11-03T03:30:00.000Z', text: 'A date was wrong.' }]} />,
    );
    expect(screen.getByRole('heading', { name: 'Correction' })).toBeInTheDocument();
    rerender(<CorrectionsNote corrections={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});
