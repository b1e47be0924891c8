import { formatCount } from '@repo/ui/format';
import { type Meaning, meaningColor } from '@repo/ui/palette';
import { ResponsiveContainer, Sankey, type SankeyLinkProps, type SankeyNodeProps } from 'recharts';
import { formatRate } from './flowRows.js';

export interface FlowSankeyProps {
  /** The SVG's <title> and <desc>; the same figures are in the table beside it. */
  title: string;
  description: string;
  data: {
    nodes: { name: string; meaning: Meaning }[];
    links: { source: number; target: number; value: number }[];
  };
  cohort: number;
}

type NodePayload = { name: string; meaning: Meaning; value: number };

/** A node coloured by its meaning, named with its count (and, for an outcome, its share). */
function FlowNode({ x, y, width, height, index, payload }: SankeyNodeProps, cohort: number) {
  const node = payload as unknown as NodePayload;
  const isCohort = index === 0;
  const text = isCohort
    ? `${node.name}: ${formatCount(node.value)}`
    : `${node.name}: ${formatCount(node.value)} (${formatRate(node.value / cohort)})`;
  return (
    <g className="flow-node">
      <rect
        x={x}
        y={y}
        width={width}
        height={Math.max(height, 1)}
        fill={meaningColor(node.meaning)}
      />
      <text
        x={x + width + 6}
        // The cohort's name above its bar (in the chart's top margin), an outcome's beside it.
        y={isCohort ? y - 6 : y + height / 2}
        dominantBaseline={isCohort ? 'auto' : 'central'}
        fill="#1b1f24"
        fontSize={13}
      >
        {text}
      </text>
    </g>
  );
}

/** A link in the colour of the outcome it leads to. */
function FlowLink(props: SankeyLinkProps) {
  const { sourceX, sourceY, sourceControlX, targetX, targetY, targetControlX, linkWidth, payload } =
    props;
  const target = payload.target as unknown as NodePayload;
  return (
    <path
      d={`M${sourceX},${sourceY} C${sourceControlX},${sourceY} ${targetControlX},${targetY} ${targetX},${targetY}`}
      fill="none"
      stroke={meaningColor(target.meaning)}
      strokeOpacity={0.45}
      strokeWidth={Math.max(linkWidth, 1)}
    />
  );
}

/** The flow picture (issue 22): a cohort on the left, where its learners are a year later on the right. */
export function FlowSankey({ title, description, data, cohort }: FlowSankeyProps) {
  return (
    <div className="flow-sankey" style={{ height: 320 }}>
      <ResponsiveContainer width="100%" height={320}>
        <Sankey
          data={data}
          title={title}
          desc={description}
          accessibilityLayer={false}
          nodeWidth={14}
          nodePadding={28}
          sort={false}
          margin={{ top: 24, right: 210, bottom: 12, left: 8 }}
          node={(props: SankeyNodeProps) => FlowNode(props, cohort)}
          link={FlowLink}
        />
      </ResponsiveContainer>
    </div>
  );
}
