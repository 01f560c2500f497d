import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findSymbol, outlineSymbols, type CodeSymbol } from '../../src/syntax/outline.js';

const brief = (symbols: CodeSymbol[]): string[] => symbols.map((symbol) => `${symbol.kind} ${symbol.container ? `${symbol.container}.` : ''}${symbol.name}`);

const javascript = `'use strict';
const { get } = require('./http');
// fetchUser is not declared here
function fetchUser(id) {
  return get(\`/users/\${id}\`);
}
const retry = async (fn, times = 3) => {
  return fn();
};
const MAX_RETRIES = 3, TIMEOUT = 10;
class Client extends Base {
  #secret = 1;
  constructor(url) { super(); this.url = url; }
  async request(path) { return get(path); }
  static create() { return new Client(); }
}
module.exports.helper = function () {};
exports.VERSION = '1.0';
`;

test('JavaScript: functions, arrow consts, consts, classes with methods, CommonJS exports (destructured requires are not symbols)', async () => {
  const symbols = await outlineSymbols('src/api.js', javascript);
  assert.equal(brief(symbols), [
    'function fetchUser',
    'function retry',
    'variable MAX_RETRIES',
    'variable TIMEOUT',
    'class Client',
    'variable Client.#secret',
    'method Client.constructor',
    'method Client.request',
    'method Client.create',
    'function helper',
    'variable VERSION',
  ]);
});

test('JavaScript: ranges are 1-based inclusive lines and exact character offsets', async () => {
  const symbols = await outlineSymbols('src/api.js', javascript);
  const fetchUser = findSymbol(symbols, 'fetchUser')!;
  assert.is(fetchUser.startLine, 4);
  assert.is(fetchUser.endLine, 6);
  assert.is(javascript.slice(fetchUser.startIndex, fetchUser.endIndex), 'function fetchUser(id) {\n  return get(`/users/${id}`);\n}');
  assert.is(fetchUser.signature, 'function fetchUser(id)');
  const retry = findSymbol(symbols, 'retry')!;
  assert.is(javascript.slice(retry.startIndex, retry.endIndex), 'const retry = async (fn, times = 3) => {\n  return fn();\n};');
});

const typescript = `import type { User } from './types';
export interface Options { retries: number }
export type Id = string | number;
export enum Level { Low, High }
export async function fetchUser(id: Id, options?: Options): Promise<User> {
  return load(id);
}
export const validateToken = (token: string): boolean => token.length > 0;
export default class Service {
  private cache = new Map<Id, User>();
  get(id: Id): User | undefined { return this.cache.get(id); }
}
declare function ambient(x: number): void;
namespace Internal { export function hidden() {} }
`;

test('TypeScript: export wrappers, interfaces, types, enums, default class, namespaces', async () => {
  const symbols = await outlineSymbols('src/service.ts', typescript);
  assert.equal(brief(symbols), [
    'interface Options',
    'type Id',
    'enum Level',
    'function fetchUser',
    'function validateToken',
    'class Service',
    'variable Service.cache',
    'method Service.get',
    'module Internal',
    'function hidden',
  ]);
  const fetchUser = findSymbol(symbols, 'fetchUser')!;
  assert.ok(typescript.slice(fetchUser.startIndex).startsWith('export async function fetchUser'), 'the export keyword is part of the symbol');
  assert.is(fetchUser.signature, 'export async function fetchUser(id: Id, options?: Options): Promise<User>');
});

test('TSX parses JSX components', async () => {
  const symbols = await outlineSymbols('src/App.tsx', 'export function App() {\n  return <div className="x">{1}</div>;\n}\n');
  assert.equal(brief(symbols), ['function App']);
});

const python = `import os

MAX_RETRIES = 3

@cache
def fetch_user(user_id):
    """Fetch a user."""
    return get(f"/users/{user_id}")

class Client(Base):
    timeout = 10

    def __init__(self, url):
        self.url = url

    @staticmethod
    def create():
        return Client("x")
`;

test('Python: module constants, decorated functions, classes with attributes and methods', async () => {
  const symbols = await outlineSymbols('client.py', python);
  assert.equal(brief(symbols), ['variable MAX_RETRIES', 'function fetch_user', 'class Client', 'variable Client.timeout', 'method Client.__init__', 'method Client.create']);
  const fetchUser = findSymbol(symbols, 'fetch_user')!;
  assert.is(fetchUser.startLine, 5, 'the decorator belongs to the function');
  assert.is(fetchUser.endLine, 8);
  const create = findSymbol(symbols, 'Client.create')!;
  assert.is(create.startLine, 16);
});

const go = `package api

import "fmt"

const MaxRetries = 3

var (
	a = 1
	b = 2
)

type Client struct {
	URL string
}

type Fetcher interface {
	Fetch(id string) error
}

func NewClient(url string) *Client {
	return &Client{URL: url}
}

func (c *Client) Fetch(id string) error {
	return fmt.Errorf("no %s", id)
}
`;

test('Go: consts, vars, struct and interface types, functions, methods with their receiver type', async () => {
  const symbols = await outlineSymbols('api.go', go);
  assert.equal(brief(symbols), ['variable MaxRetries', 'variable a', 'variable b', 'type Client', 'interface Fetcher', 'function NewClient', 'method Client.Fetch']);
  assert.ok(findSymbol(symbols, 'Client.Fetch'));
  assert.is(findSymbol(symbols, 'Fetch')!.container, 'Client');
});

test('other grammars: Rust impl methods, Ruby classes, Java methods, C++ qualified definitions', async () => {
  assert.equal(brief(await outlineSymbols('a.rs', 'struct S;\nimpl S { fn new() -> Self { S } }\nfn main() {}\n')), ['type S', 'method S.new', 'function main']);
  assert.equal(brief(await outlineSymbols('a.rb', 'class Foo\n  def bar; end\nend\n')), ['class Foo', 'method Foo.bar']);
  assert.equal(brief(await outlineSymbols('A.java', 'class A { void run() {} A() {} }\n')), ['class A', 'method A.run', 'method A.A']);
  assert.equal(brief(await outlineSymbols('a.cpp', 'class C { void x(); };\nvoid C::x() {}\nint main() { return 0; }\n')), ['class C', 'method C.x', 'function main']);
});

test('plain-text fallback for languages without a grammar', async () => {
  const text = 'function greet {\n  echo hi\n}\nNAME = world\ndef helper(x)\n  x = 1\n';
  const symbols = await outlineSymbols('script.fish', text);
  assert.equal(brief(symbols), ['other greet', 'other NAME', 'other helper']);
  assert.is(symbols[1]!.startLine, 4);
  assert.is(text.slice(symbols[1]!.startIndex, symbols[1]!.endIndex), 'NAME = world');
});

test('findSymbol accepts name, name(), Class.method, Class#method and Class::method; top level wins', async () => {
  const symbols = await outlineSymbols('a.js', 'class A { run() {} }\nfunction run() {}\n');
  assert.is(findSymbol(symbols, 'run')!.container, undefined);
  assert.is(findSymbol(symbols, 'run()')!.container, undefined);
  assert.is(findSymbol(symbols, 'A.run')!.container, 'A');
  assert.is(findSymbol(symbols, 'A#run')!.container, 'A');
  assert.is(findSymbol(symbols, 'A::run')!.container, 'A');
  assert.is(findSymbol(symbols, 'B.run'), undefined);
  assert.is(findSymbol(symbols, 'walk'), undefined);
});

test('non-ASCII text keeps offsets in JavaScript string indices', async () => {
  const text = 'const greeting = "héllo 😀";\nfunction after() {}\n';
  const after = findSymbol(await outlineSymbols('a.js', text), 'after')!;
  assert.is(text.slice(after.startIndex, after.endIndex), 'function after() {}');
});

test.run();
