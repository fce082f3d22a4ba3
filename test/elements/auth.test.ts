import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PtsAuth } from '../../src/elements/auth/auth.js';
import { acme, cloudEdition, hookEdition, hooks, serverEdition } from './fixtures.js';
import { $, $$, accessible, allAttributeValues, focused, record, root, text } from './helpers.js';

const CANARY = 'acm_CANARY-7d1e0b5c-never-leak';

before(() => PtsAuth.define());

async function tokenAuth(allowed = true): Promise<PtsAuth> {
  return fixture<PtsAuth>(
    html`<pts-auth .provider=${acme} .edition=${serverEdition} method="pat" ?credential-allowed=${allowed}></pts-auth>`,
  );
}

async function typeCanary(el: PtsAuth): Promise<HTMLInputElement> {
  const input = $<HTMLInputElement>(el, '#credential')!;
  input.focus();
  await sendKeys({ type: CANARY });
  await elementUpdated(el);
  return input;
}

describe('pts-auth', () => {
  describe('renders', () => {
    it('lists the edition’s methods with token type, least permissions and what each grants', async () => {
      const el = await fixture<PtsAuth>(html`<pts-auth .provider=${acme} .edition=${cloudEdition}></pts-auth>`);
      const radios = $$<HTMLInputElement>(el, 'input[name=method]');
      expect(radios.map((r) => r.value)).to.deep.equal(['oauth', 'pat']);
      // The catalog's recommended method is preselected.
      expect(radios[0]!.checked).to.equal(true);
      const t = text(el);
      expect(t).to.contain('acme_pat').and.contain('issues:write').and.contain('Create and edit issues in the projects you pick.');
      expect(t).to.contain('Recommended');
      expect(el.selectedMethod?.id).to.equal('oauth');
    });

    it('shows a single method as a card, not a one-option radio group', async () => {
      const el = await fixture<PtsAuth>(html`<pts-auth .provider=${hooks} .edition=${hookEdition} credential-allowed></pts-auth>`);
      expect($$(el, 'input[name=method]')).to.have.length(0);
      expect(text(el)).to.contain('hook_secret');
    });

    it('shows where the grant is revoked later', async () => {
      const el = await tokenAuth();
      const link = $<HTMLAnchorElement>(el, '.where a[href="https://acme.example/settings/tokens"]');
      expect(link, 'revoke link').to.exist;
      expect(link!.target).to.equal('_blank');
      expect(link!.rel).to.contain('noopener');
    });

    it('leaves the revoke location out with hide-revoke (the page shows it elsewhere)', async () => {
      const el = await fixture<PtsAuth>(
        html`<pts-auth .provider=${acme} .edition=${serverEdition} method="pat" credential-allowed hide-revoke></pts-auth>`,
      );
      expect($(el, 'a[href="https://acme.example/settings/tokens"]')).to.equal(null);
      expect(text(el)).not.to.contain('Revoke it later');
    });
  });

  describe('the credential field', () => {
    it('does not exist while credentialAllowed is false', async () => {
      const el = await tokenAuth(false);
      expect($(el, '#credential')).to.equal(null);
      expect($$(el, 'input[type=password]')).to.have.length(0);
      expect($$(el, 'input:not([type=radio])')).to.have.length(0);
      expect(text(el)).to.contain('The credential field appears once the steps above are complete.');
      await accessible(el);
    });

    it('is a labelled password field with a show/hide toggle when allowed', async () => {
      const el = await tokenAuth();
      const input = $<HTMLInputElement>(el, '#credential')!;
      expect(input.type).to.equal('password');
      expect(input.labels?.[0]?.textContent?.trim()).to.equal('Personal token');
      expect(input.getAttribute('autocomplete')).to.equal('off');
      const toggle = $<HTMLButtonElement>(el, '.secret button')!;
      expect(toggle.getAttribute('aria-label')).to.equal('Show Personal token');
      toggle.click();
      await elementUpdated(el);
      expect(input.type).to.equal('text');
      expect(toggle.getAttribute('aria-label')).to.equal('Hide Personal token');
      await accessible(el);
    });

    it('never puts the typed credential into an attribute, text or event detail', async () => {
      const el = await tokenAuth();
      const events = record(el, 'pts-auth-credential-change', 'pts-auth-field-change', 'pts-auth-submit', 'pts-auth-method-change');
      const input = await typeCanary(el);
      expect(input.value).to.equal(CANARY);
      // Revealed, the value still lives only in the input's value property.
      $<HTMLButtonElement>(el, '.secret button')!.click();
      await elementUpdated(el);
      const attributes = allAttributeValues(el).join('\n');
      expect(attributes).not.to.contain('CANARY');
      expect(root(el).innerHTML).not.to.contain('CANARY');
      expect(el.outerHTML).not.to.contain('CANARY');
      expect(text(el)).not.to.contain('CANARY');
      expect(events.length).to.be.greaterThan(0);
      expect(JSON.stringify(events)).not.to.contain('CANARY');
      expect(events[0]!.type).to.equal('pts-auth-credential-change');
      expect(events[0]!.detail).to.have.property('filled', true);
      expect(Object.keys(events[0]!.detail as object).sort()).to.deep.equal(['filled', 'warnings']);
      expect(events[0]!.composed).to.equal(false);
    });

    it('takeCredential() returns the value once and clears the field', async () => {
      const el = await tokenAuth();
      const input = await typeCanary(el);
      expect(el.takeCredential()).to.equal(CANARY);
      expect(input.value).to.equal('');
      expect(el.takeCredential()).to.equal('');
    });

    it('clear() empties the field', async () => {
      const el = await tokenAuth();
      const input = await typeCanary(el);
      el.clear();
      expect(input.value).to.equal('');
    });

    it('is emptied when credentials stop being allowed, and comes back empty', async () => {
      const el = await tokenAuth();
      const input = await typeCanary(el);
      el.credentialAllowed = false;
      await elementUpdated(el);
      expect(input.value).to.equal('');
      expect($(el, '#credential')).to.equal(null);
      el.credentialAllowed = true;
      await elementUpdated(el);
      expect($<HTMLInputElement>(el, '#credential')!.value).to.equal('');
    });

    it('is emptied when another method is chosen', async () => {
      const el = await tokenAuth();
      const input = await typeCanary(el);
      const events = record(el, 'pts-auth-method-change');
      $$<HTMLInputElement>(el, 'input[name=method]')[1]!.click();
      await elementUpdated(el);
      expect(events.map((e) => e.detail)).to.deep.equal([{ method: 'api_key', kind: 'token', tokenType: 'acme_api_key' }]);
      expect(input.isConnected ? input.value : '').to.equal('');
      expect($<HTMLInputElement>(el, '#credential')!.value).to.equal('');
    });

    it('is emptied when the element leaves the page', async () => {
      const el = await tokenAuth();
      const input = await typeCanary(el);
      el.remove();
      expect(input.value).to.equal('');
    });

    it('warns softly when the value does not look like the provider’s token', async () => {
      const el = await tokenAuth();
      $<HTMLInputElement>(el, '#credential')!.focus();
      await sendKeys({ type: 'Bearer xyz' });
      await elementUpdated(el);
      const warnings = $$(el, '#cred-warnings li').map((li) => li.textContent!.trim());
      expect(warnings).to.include('Paste only the credential, without a scheme such as "Bearer".');
      expect(warnings).to.include('Acme tokens start with acm_.');
      expect(warnings.join(' ')).not.to.contain('xyz');
      // Warnings never block.
      const submits = record(el, 'pts-auth-submit');
      await sendKeys({ press: 'Enter' });
      expect(submits).to.have.length(1);
      await accessible(el);
    });
  });

  describe('while a save is in flight (disabled)', () => {
    it('keeps the typed value but takes no input, and keeps focus where it was', async () => {
      const el = await tokenAuth();
      const input = await typeCanary(el);
      el.disabled = true;
      await elementUpdated(el);
      expect(input.value).to.equal(CANARY);
      expect(input.readOnly).to.equal(true);
      expect(input.getAttribute('aria-disabled')).to.equal('true');
      // Focus stays on the field (a natively disabled field would drop it to the page).
      expect(focused(el)).to.equal(input);
      await sendKeys({ type: 'xyz' });
      await sendKeys({ press: 'Backspace' });
      expect(input.value).to.equal(CANARY);
      await accessible(el);

      el.disabled = false;
      await elementUpdated(el);
      expect(input.readOnly).to.equal(false);
      expect(input.value).to.equal(CANARY);
      // Cleared once the root takes it for the save.
      expect(el.takeCredential()).to.equal(CANARY);
      expect(input.value).to.equal('');
    });

    it('disables the buttons, the method choice and submitting', async () => {
      const el = await tokenAuth();
      await typeCanary(el);
      el.disabled = true;
      await elementUpdated(el);
      const events = record(el, 'pts-auth-submit', 'pts-auth-method-change');
      const toggle = $<HTMLButtonElement>(el, '.secret button')!;
      expect(toggle.getAttribute('aria-disabled')).to.equal('true');
      toggle.click();
      await elementUpdated(el);
      expect($<HTMLInputElement>(el, '#credential')!.type).to.equal('password');

      const radios = $$<HTMLInputElement>(el, 'input[name=method]');
      expect(radios.every((r) => r.getAttribute('aria-disabled') === 'true')).to.equal(true);
      radios[1]!.click();
      await elementUpdated(el);
      expect(radios[0]!.checked, 'the chosen method stays').to.equal(true);
      radios[0]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await elementUpdated(el);
      expect(el.selectedMethod?.id).to.equal('pat');
      expect($$<HTMLInputElement>(el, 'input[name=method]').find((r) => r.checked)?.value).to.equal('pat');

      $<HTMLInputElement>(el, '#credential')!.focus();
      await sendKeys({ press: 'Enter' });
      expect(events).to.have.length(0);
      expect($<HTMLInputElement>(el, '#credential')!.value).to.equal(CANARY);
    });

    it('disables the connect button of a redirect method', async () => {
      const el = await fixture<PtsAuth>(html`<pts-auth .provider=${acme} .edition=${cloudEdition} credential-allowed disabled></pts-auth>`);
      const connect = $<HTMLButtonElement>(el, '[part~=connect]')!;
      expect(connect.getAttribute('aria-disabled')).to.equal('true');
      const events = record(el, 'pts-auth-connect');
      connect.click();
      expect(events).to.have.length(0);
    });
  });

  describe('keyboard and submit', () => {
    it('Enter on an empty field shows an alert and keeps focus on the field', async () => {
      const el = await tokenAuth();
      const submits = record(el, 'pts-auth-submit');
      $<HTMLInputElement>(el, '#credential')!.focus();
      await sendKeys({ press: 'Enter' });
      await elementUpdated(el);
      expect(submits).to.have.length(0);
      const alert = $(el, '#cred-error[role=alert]');
      expect(alert?.textContent).to.contain('Fill in “Personal token”.');
      expect(focused(el)?.id).to.equal('credential');
      expect($(el, '#credential')!.getAttribute('aria-invalid')).to.equal('true');
      await accessible(el);
    });

    it('Enter with a credential fires pts-auth-submit without the value', async () => {
      const el = await tokenAuth();
      const submits = record(el, 'pts-auth-submit');
      await typeCanary(el);
      await sendKeys({ press: 'Enter' });
      expect(submits).to.have.length(1);
      expect(submits[0]!.detail).to.deep.equal({});
    });

    it('requires valid extra fields and focuses the first bad one', async () => {
      const el = await fixture<PtsAuth>(
        html`<pts-auth .provider=${acme} .edition=${serverEdition} method="api_key" credential-allowed></pts-auth>`,
      );
      const fields = record(el, 'pts-auth-field-change', 'pts-auth-submit');
      await typeCanary(el);
      await sendKeys({ press: 'Enter' });
      await elementUpdated(el);
      expect(focused(el)?.id).to.equal('field-email');
      await sendKeys({ type: 'me@acme.example' });
      $<HTMLInputElement>(el, '#credential')!.focus();
      await sendKeys({ press: 'Enter' });
      const last = fields.at(-1)!;
      expect(last.type).to.equal('pts-auth-submit');
      expect(fields.filter((f) => f.type === 'pts-auth-field-change').at(-1)?.detail).to.deep.equal({
        name: 'email',
        value: 'me@acme.example',
        valid: true,
      });
    });

    it('moves between methods with the arrow keys', async () => {
      const el = await fixture<PtsAuth>(html`<pts-auth .provider=${acme} .edition=${cloudEdition}></pts-auth>`);
      const events = record(el, 'pts-auth-method-change');
      el.focus();
      expect((focused(el) as HTMLInputElement).value).to.equal('oauth');
      await sendKeys({ press: 'ArrowDown' });
      await elementUpdated(el);
      expect((focused(el) as HTMLInputElement).value).to.equal('pat');
      expect(events.map((e) => (e.detail as { method: string }).method)).to.deep.equal(['pat']);
    });
  });

  describe('OAuth and app install', () => {
    it('offers Connect with <provider> instead of a field', async () => {
      const el = await fixture<PtsAuth>(html`<pts-auth .provider=${acme} .edition=${cloudEdition} credential-allowed></pts-auth>`);
      expect($(el, '#credential')).to.equal(null);
      const connect = $<HTMLButtonElement>(el, '[part~=connect]')!;
      expect(connect.textContent).to.contain('Connect with Acme Tracker');
      const events = record(el, 'pts-auth-connect');
      connect.focus();
      await sendKeys({ press: 'Enter' });
      expect(events.map((e) => e.detail)).to.deep.equal([{ method: 'oauth', kind: 'oauth' }]);
      await accessible(el);
    });

    it('does not offer the connect button before credentials are allowed', async () => {
      const el = await fixture<PtsAuth>(html`<pts-auth .provider=${acme} .edition=${cloudEdition}></pts-auth>`);
      expect($(el, '[part~=connect]')).to.equal(null);
    });

    it('shows the waiting state and ignores presses while connecting', async () => {
      const el = await fixture<PtsAuth>(html`<pts-auth .provider=${acme} .edition=${cloudEdition} credential-allowed connecting></pts-auth>`);
      const connect = $<HTMLButtonElement>(el, '[part~=connect]')!;
      expect(connect.getAttribute('aria-disabled')).to.equal('true');
      expect(connect.textContent).to.contain('Waiting for Acme Tracker');
      expect(el.hasCustomState('loading')).to.equal(true);
      const events = record(el, 'pts-auth-connect');
      connect.click();
      expect(events).to.have.length(0);
      await accessible(el);
    });

    it('confirms a completed grant', async () => {
      const el = await fixture<PtsAuth>(html`<pts-auth .provider=${acme} .edition=${cloudEdition} credential-allowed authorized></pts-auth>`);
      expect(text(el)).to.contain('Connected with Acme Tracker.');
      expect(el.validate()).to.equal(true);
    });

    it('shows a popup error as an alert', async () => {
      const el = await fixture<PtsAuth>(
        html`<pts-auth .provider=${acme} .edition=${cloudEdition} credential-allowed .error=${{ code: 'AUTH_POPUP_BLOCKED' }}></pts-auth>`,
      );
      expect($(el, '[role=alert]')?.textContent).to.contain('The browser blocked the sign-in window.');
      expect(el.hasCustomState('error')).to.equal(true);
      await accessible(el);
    });
  });

  describe('PROVIDER_AUTH_REQUIRED', () => {
    it('shows the catalog’s exact action for the method', async () => {
      const el = await fixture<PtsAuth>(
        html`<pts-auth .provider=${acme} .edition=${serverEdition} method="pat" auth-required credential-allowed></pts-auth>`,
      );
      const notice = $(el, '[part~=auth-required]')!;
      expect(notice.textContent).to.contain('Acme Tracker needs your action');
      expect(notice.textContent).to.contain('Create a personal token with issues:write and paste it here.');
      expect(notice.querySelector('a')?.getAttribute('href')).to.equal('https://acme.example/settings/tokens/new');
      await accessible(el);
    });

    it('prefers the backend’s action when it sends one, and never links a non-http address', async () => {
      const el = await fixture<PtsAuth>(
        html`<pts-auth
          .provider=${acme}
          .edition=${serverEdition}
          auth-required
          .action=${{ label: 'Install the Acme app on the Platform space.', url: 'javascript:alert(1)' }}
        ></pts-auth>`,
      );
      const notice = $(el, '[part~=auth-required]')!;
      expect(notice.textContent).to.contain('Install the Acme app on the Platform space.');
      expect(notice.querySelector('a')).to.equal(null);
    });

    it('shows a rejected credential under the field', async () => {
      const el = await fixture<PtsAuth>(
        html`<pts-auth .provider=${acme} .edition=${serverEdition} method="pat" credential-allowed .error=${{ code: 'CREDENTIALS_REJECTED' }}></pts-auth>`,
      );
      expect($(el, '#cred-error')?.textContent).to.contain('The provider refused this credential.');
      expect($(el, '#credential')!.getAttribute('aria-describedby')).to.contain('cred-error');
      await accessible(el);
    });
  });

  describe('webhook signing', () => {
    it('offers the provider’s signing schemes with the default chosen', async () => {
      const el = await fixture<PtsAuth>(html`<pts-auth .provider=${hooks} .edition=${hookEdition} credential-allowed></pts-auth>`);
      const radios = $$<HTMLInputElement>(el, 'input[name=signing]');
      expect(radios.map((r) => [r.value, r.checked])).to.deep.equal([
        ['standard-webhooks', true],
        ['github-hmac-sha256', false],
      ]);
      const events = record(el, 'pts-auth-signing-change');
      radios[1]!.click();
      expect(events.map((e) => e.detail)).to.deep.equal([{ signing: 'github-hmac-sha256' }]);
      await accessible(el);
    });

    describe('the signing secret', () => {
      const mountHooks = () => fixture<PtsAuth>(html`<pts-auth .provider=${hooks} .edition=${hookEdition} credential-allowed></pts-auth>`);
      const type = async (el: PtsAuth, value: string) => {
        const input = $<HTMLInputElement>(el, '#credential')!;
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        await elementUpdated(el);
      };

      it('refuses a weak secret: the field says why, and it never counts as entered', async () => {
        const el = await mountHooks();
        const changes = record<{ filled: boolean }>(el, 'pts-auth-credential-change');
        await type(el, 'short');
        expect($(el, '#secret-strength')!.textContent).to.contain('whsec_');
        expect($<HTMLInputElement>(el, '#stored')!.disabled).to.equal(true);
        expect(el.validate()).to.equal(false);
        expect(changes.filter((c) => c.detail.filled)).to.have.length(0);
        $$<HTMLInputElement>(el, 'input[name=signing]')[1]!.click();
        await elementUpdated(el);
        expect($(el, '#secret-strength')!.textContent).to.contain('at least 32 characters');
        await type(el, 'a'.repeat(40));
        expect($(el, '#secret-strength')!.textContent).to.contain('Too easy to guess');
        await accessible(el);
      });

      it('generates a strong secret, copies it, and counts it only once the customer has stored it', async () => {
        const el = await mountHooks();
        const changes = record<{ filled: boolean }>(el, 'pts-auth-credential-change');
        $<HTMLButtonElement>(el, '[part~=generate]')!.click();
        await elementUpdated(el);
        const input = $<HTMLInputElement>(el, '#credential')!;
        expect(input.value).to.match(/^whsec_[A-Za-z0-9+/]{43}=$/);
        expect(atob(input.value.slice(6)).length, '32 random bytes').to.equal(32);
        expect(input.type, 'shown, so it can be checked and copied').to.equal('text');
        expect($(el, '#secret-strength')!.textContent).to.contain('Strong enough');
        expect(text(el)).to.contain('A new secret is in the field');
        expect(changes.filter((c) => c.detail.filled), 'not before it is stored').to.have.length(0);
        expect(el.validate()).to.equal(false);
        await elementUpdated(el);
        expect(text(el)).to.contain('it is never shown again after Save');
        expect($<HTMLButtonElement>(el, '[part~=copy-secret]')).to.exist;
        $<HTMLInputElement>(el, '#stored')!.click();
        await elementUpdated(el);
        expect(changes.map((c) => c.detail.filled)).to.deep.equal([true]);
        expect(el.validate()).to.equal(true);
        // The secret is only ever in the input's value: no attribute and no event carries it.
        expect(allAttributeValues(root(el)).some((v) => v.includes(input.value.slice(6, 20)))).to.equal(false);
        expect(JSON.stringify(changes)).not.to.contain(input.value.slice(6, 20));
        const other = input.value;
        $<HTMLButtonElement>(el, '[part~=generate]')!.click();
        await elementUpdated(el);
        expect(input.value).not.to.equal(other);
        expect($<HTMLInputElement>(el, '#stored')!.checked, 'a new secret is stored again').to.equal(false);
        expect(changes.map((c) => c.detail.filled)).to.deep.equal([true, false]);
        await accessible(el);
      });

      it('makes a hex secret for GitHub-style signing', async () => {
        const el = await mountHooks();
        $$<HTMLInputElement>(el, 'input[name=signing]')[1]!.click();
        await elementUpdated(el);
        $<HTMLButtonElement>(el, '[part~=generate]')!.click();
        await elementUpdated(el);
        expect($<HTMLInputElement>(el, '#credential')!.value).to.match(/^[0-9a-f]{64}$/);
      });
    });
  });
});
