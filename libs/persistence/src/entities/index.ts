import { ApiKeyEntity } from './api-key.entity.js';
import { BlobEntity } from './blob.entity.js';
import { DocumentEntity } from './document.entity.js';
import { EventEntity } from './event.entity.js';
import { FactEntity } from './fact.entity.js';
import { FindingEntity, FlowEdgeEntity, GraphProjectionEntity, ScoreEntity, SystemNodeEntity } from './projection.entity.js';
import { WorkspaceEntity } from './workspace.entity.js';

export const ENTITIES = [
  WorkspaceEntity, ApiKeyEntity, BlobEntity, DocumentEntity, FactEntity, EventEntity,
  GraphProjectionEntity, SystemNodeEntity, FlowEdgeEntity, FindingEntity, ScoreEntity,
];
export {
  ApiKeyEntity, BlobEntity, DocumentEntity, EventEntity, FactEntity, FindingEntity, FlowEdgeEntity,
  GraphProjectionEntity, ScoreEntity, SystemNodeEntity, WorkspaceEntity,
};
