// The Vagrantfile cannot boot here (no VirtualBox or libvirt); at least it must parse as Ruby and
// name a box whose stock kernel and iproute2 both do netkit.
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const path = fileURLToPath(new URL('../../Vagrantfile', import.meta.url));

test('Vagrantfile parses (ruby -c)', async () => {
  const r = await execa('ruby', ['-c', path]);
  assert.match(r.stdout, /Syntax OK/);
});

test('box, provisioning and the documented commands', () => {
  const text = readFileSync(path, 'utf8');
  assert.match(text, /config\.vm\.box = "debian\/trixie64"/);
  assert.match(text, /bash scripts\/setup\.sh/);
  assert.match(text, /vagrant ssh -c "cd \/vagrant && sudo npm run bench"/);
});

test.run();
