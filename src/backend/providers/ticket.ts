/**
 * The one test ticket every adapter creates: its title and body say plainly that it
 * is a test from the scanner's ticket export setup, so nobody mistakes it for a finding.
 */
import type { ProviderContext } from './types.js';

export interface TestTicket {
  title: string;
  /** Plain text paragraphs. */
  paragraphs: string[];
}

export function testTicket(ctx: ProviderContext): TestTicket {
  const at = (ctx.now?.() ?? new Date()).toISOString();
  return {
    title: '[Test] Ticket export setup check from the web risk scanner',
    paragraphs: [
      'This is a test ticket. The web risk scanner created it while its ticket export was being set up, to prove that tickets arrive here.',
      'It is not a finding. You can close or delete it.',
      `Sent at ${at}.`,
    ],
  };
}

/** The body as plain text or Markdown (one blank line between paragraphs). */
export function plainBody(ticket: TestTicket): string {
  return ticket.paragraphs.join('\n\n');
}
