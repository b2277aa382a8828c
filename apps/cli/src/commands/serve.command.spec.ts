import { assertBindAllowed, isLoopback, readablePath } from './serve.command.js';

describe('serve bind address', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'])('%s is loopback', (h) => {
    expect(isLoopback(h)).toBe(true);
    expect(() => assertBindAllowed(h, false)).not.toThrow();
  });

  it.each(['0.0.0.0', '::', '192.168.1.20', '10.0.0.5', 'example.test', '128.0.0.1', '127.0.0.1.evil.test'])('refuses %s without --allow-remote, with a message naming the flag', (h) => {
    expect(isLoopback(h)).toBe(false);
    expect(() => assertBindAllowed(h, false)).toThrow(/loopback only.*--allow-remote/);
    expect(() => assertBindAllowed(h, true)).not.toThrow();
  });
});

describe('serve --example names the folder it loaded', () => {
  it('relative to the working directory when inside it, absolute when a relative path would climb out', () => {
    expect(readablePath('/work/custody/examples/harborview', '/work/custody')).toBe('examples/harborview');
    expect(readablePath('/work/custody/examples/harborview', '/home/dana/practice')).toBe('/work/custody/examples/harborview');
    expect(readablePath('/home/dana', '/home/dana/practice')).toBe('/home/dana');
    expect(readablePath('/home/dana/practice', '/home/dana/practice')).toBe('/home/dana/practice');
  });
});
