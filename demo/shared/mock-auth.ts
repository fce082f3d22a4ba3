/** The mock provider's consent page: reports the choice to the opener, which then closes it. */
import { postMockAuthResult } from '../../src/testing/index.js';
import { applyTheme } from './theme.js';

applyTheme(localStorage.getItem('pts-demo-theme') === 'dark' ? 'dark' : 'light');

const status = document.getElementById('status') as HTMLParagraphElement;
const answer = (result: 'authorized' | 'denied') => {
  if (!postMockAuthResult(result)) {
    status.textContent = 'No window is waiting for this authorisation: open it from the setup instead.';
  }
};
document.getElementById('authorize')?.addEventListener('click', () => answer('authorized'));
document.getElementById('deny')?.addEventListener('click', () => answer('denied'));
