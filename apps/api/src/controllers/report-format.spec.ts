import { jest } from '@jest/globals';
import { InvalidInputError } from '@custody/domain';
import type { Response } from 'express';
import type { AuthedRequest } from '../auth/api-key.guard.js';
import { WorkspaceController } from './workspace.controller.js';

/**
 * GET /report?format= takes the report formats only. `format in table` also finds the table's prototype
 * (toString, constructor, hasOwnProperty, …): such a format passed the check, was written to the read journal as
 * `report:toString`, composed the audit and then failed as a 500 "internal error".
 */
describe('the report route\'s format', () => {
  const commands = { execute: jest.fn(async () => undefined) };
  const audits = { report: jest.fn(async () => ({})) };
  const controller = new WorkspaceController(audits as never, {} as never, {} as never, commands as never);
  const res = { setHeader: jest.fn(), send: jest.fn() } as unknown as Response;

  it.each(['toString', 'constructor', 'hasOwnProperty', '__proto__'])('refuses "%s" as a client error before reading anything', async (format) => {
    await expect(controller.report('ws', { actor: 'key:test' } as unknown as AuthedRequest, res, format)).rejects.toBeInstanceOf(InvalidInputError);
    expect(commands.execute).not.toHaveBeenCalled();
    expect(audits.report).not.toHaveBeenCalled();
  });
});
