import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidInputError, parseNotetakerSettings } from '@custody/domain';
import { SETTING_CHANGE_KEY, type SettingChange } from '@custody/audit';
import { IngestDocumentCommand, type IngestResult } from './ingest-document.command.js';

/**
 * A settings change pushed by a system being audited (webhook). Checked against the notetaker settings
 * vocabulary when built, then stored as a small JSON document, so it is evidence like any other upload.
 */
export class RecordSettingChangeCommand extends Command<IngestResult> {
  readonly change: SettingChange;

  constructor(readonly workspaceId: string, input: { system?: unknown; settings?: unknown; at?: unknown; source?: unknown }, receivedAt: Date, readonly actor = 'webhook') {
    super();
    if (typeof input.system !== 'string' || !input.system || input.system.length > 200) throw new InvalidInputError('setting_change needs a system id, install id or name');
    const settings = parseNotetakerSettings(input.settings);
    const at = input.at ? new Date(String(input.at)) : receivedAt;
    if (Number.isNaN(at.getTime())) throw new InvalidInputError(`"at" is not a date: ${String(input.at)}`);
    this.change = { system: input.system, settings: { ...settings }, at: at.toISOString(), ...(input.source ? { source: String(input.source).slice(0, 200) } : {}) };
  }
}

@CommandHandler(RecordSettingChangeCommand)
export class RecordSettingChangeHandler implements ICommandHandler<RecordSettingChangeCommand> {
  constructor(private readonly commands: CommandBus) {}

  execute({ workspaceId, change, actor }: RecordSettingChangeCommand): Promise<IngestResult> {
    const fileName = `webhook/${change.at}-${change.system.replace(/[^\w.-]+/g, '_')}.json`;
    return this.commands.execute(new IngestDocumentCommand(workspaceId, fileName, Buffer.from(JSON.stringify({ [SETTING_CHANGE_KEY]: change })), actor));
  }
}
