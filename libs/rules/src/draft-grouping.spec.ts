import { compareFindings, groupFindings, type Graph } from '@custody/domain';
import { runRules, runRulesUngrouped } from './runner.js';
import { GraphBuilder, testContext } from './testing/graph-builder.js';

/**
 * runRules groups each rule's drafts before they are findings (a MemberView over drafts); the incremental audit
 * groups whole findings (groupFindings). Both must give the same findings: the same worst member, unions,
 * instance order and install count, whatever order the installs come in.
 */
describe('grouping drafts', () => {
  // Installs of two vendors at two sites, added out of id order, with settings that differ per install so
  // the members of one group differ in severity, categories and evidence; Scribewell also has a system of
  // its own, whose own findings head its installs' groups. Retention falls as ids rise, so a group's first
  // install by subject is not its worst (same severity, lower likelihood): the worst is picked, not the first.
  const fleet = (): Graph => {
    const b = new GraphBuilder({ jurisdiction: 'US-CA' })
      .system('scribe', 'ai_notetaker', { name: 'Scribewell AI', holds: ['session_recording'], settings: { can_disable: false } })
      .system('openai', 'llm_provider', { name: 'OpenAI' })
      .flow('practice', 'scribe', ['session_recording']);
    for (const i of [7, 2, 11, 5, 0, 9, 3]) {
      const vendor = i % 3 === 0 ? 'Echo Notes' : 'Scribewell AI';
      b.system(`install-${i}`, 'ai_notetaker', {
        name: `${vendor} install ${i}`,
        settings: { can_disable: i % 4 === 0, training: i % 2 === 0 ? 'allowed' : 'opt_out', subprocessors: i % 5 === 0 ? ['OpenAI', 'Nimbus'] : ['OpenAI'], audio_retention_days: 200 - i * 15 },
      })
        // Categories out of DATA_CATEGORIES order, as a rule may draft them.
        .flow('practice', `install-${i}`, i % 2 === 0 ? ['diagnosis', 'session_recording'] : ['session_recording'])
        .flow(`install-${i}`, 'openai', ['session_transcript']);
    }
    const graph = b.build();
    // The builder has no fleet grouping: set it as the fleet projection does.
    for (const s of graph.systems) {
      const m = /^install-(\d+)$/.exec(s.id);
      if (m) s.group = { vendor: s.name.replace(/ install \d+$/, ''), site: Number(m[1]) % 2 === 0 ? 'Oakland' : 'Berkeley' };
    }
    return graph;
  };

  it('gives the findings groupFindings makes of the ungrouped run', () => {
    const graph = fleet();
    const ctx = testContext(graph);
    const grouped = runRules(ctx);
    const ungrouped = runRulesUngrouped(ctx);
    expect(grouped.errors).toEqual([]);
    // Some groups, with instances of differing severity and a vendor's own finding at their head.
    const withInstances = grouped.findings.filter((f) => f.instances);
    expect(withInstances.length).toBeGreaterThan(3);
    expect(withInstances.some((f) => new Set(f.instances!.map((i) => i.severity)).size > 1)).toBe(true);
    expect(withInstances.some((f) => f.instances!.some((i) => i.subject === 'system:scribe'))).toBe(true);
    expect(grouped.findings).toEqual(groupFindings(ungrouped.findings, graph.systems).sort(compareFindings));
  });
});
