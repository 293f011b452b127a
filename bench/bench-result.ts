// What every bench returns, so that bench/run.ts can print one report for all of them.

export interface BenchMetric {
  name: string;
  value: number;
  unit: string;
  /** A goal from the issue, e.g. `{ op: '>=', value: 1500 }`; the report says whether it was met. */
  goal?: { op: '>=' | '<=' | '<' | '>'; value: number };
}

export interface BenchResult {
  name: string;
  title: string;
  metrics: BenchMetric[];
  /** How it was measured (tool, settings, pinning), so the numbers can be judged. */
  notes: string[];
}

export interface Bench {
  /** Short id used to filter: `npm run bench -- emulator`. */
  name: string;
  run(): Promise<BenchResult>;
}

export function goalMet(metric: BenchMetric): boolean | null {
  const goal = metric.goal;
  if (!goal) return null;
  switch (goal.op) {
    case '>=':
      return metric.value >= goal.value;
    case '<=':
      return metric.value <= goal.value;
    case '<':
      return metric.value < goal.value;
    case '>':
      return metric.value > goal.value;
  }
}
