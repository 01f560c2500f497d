import assert from 'node:assert/strict';
import { validateToken, validateUser } from '../src/auth.js';

assert.equal(validateToken('abcdefghijklmnopqrstuvwxyz'), true);
assert.equal(validateToken('short'), false);
assert.equal(validateUser({ id: 1, name: 'Ada' }), true);
assert.equal(validateUser(null), false);
console.log('auth tests passed');
