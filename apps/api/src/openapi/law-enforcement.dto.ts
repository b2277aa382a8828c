/** OpenAPI schema of GET /law-enforcement: the law-enforcement view of libs/reports/src/law-enforcement.ts. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATA_CATEGORIES, SEVERITIES, SYSTEM_ROLES, type DataCategory, type Severity, type SystemRole } from '@custody/domain';
import { POSTURE_ORDER, RELEASE_CONTROLS, type LawEnforcementHolder, type LawEnforcementView, type Posture, type ReleaseControl } from '@custody/reports';

class PostureQuoteDto {
  @ApiProperty({ description: 'The clause stating the posture (never a bare heading)' }) text!: string;
  @ApiPropertyOptional({ description: 'The document it is in' }) file?: string;
  @ApiPropertyOptional() documentId?: string;
  @ApiPropertyOptional() line?: number;
  @ApiPropertyOptional() page?: number;
}

class HolderFleetDto {
  @ApiProperty({ description: 'The vendor its installs are grouped under on the map' }) vendor!: string;
  @ApiProperty() installs!: number;
}

class HolderViaDto {
  @ApiProperty({ description: 'The system whose contract binds this holder (flow-down to a subcontractor)' }) system!: string;
  @ApiProperty() name!: string;
}

class HolderFindingDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: SEVERITIES }) severity!: Severity;
  @ApiProperty() title!: string;
}

class LawEnforcementHolderDto implements LawEnforcementHolder {
  @ApiProperty({ description: 'The row\'s system (a fleet row: its vendor\'s service, or its first install)' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: SYSTEM_ROLES }) role!: SystemRole;
  @ApiPropertyOptional({ enum: [true], description: 'The row\'s system is a template (its vendor\'s name left blank): its role reads "template: no vendor named"' }) template?: true;
  @ApiProperty() isPractice!: boolean;
  @ApiProperty({ type: [String], description: 'Systems the row stands for, fleet installs aside (see fleet)' }) systems!: string[];
  @ApiPropertyOptional({ type: HolderFleetDto, description: 'A fleet row: its installs, counted' }) fleet?: HolderFleetDto;
  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true, description: 'Every category it holds or receives' }) held!: DataCategory[];
  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true, description: 'The sensitive ones among them (the taxonomy\'s and those the practice documents as sensitive)' }) sensitive!: DataCategory[];
  @ApiProperty({ enum: POSTURE_ORDER, description: 'The contract\'s law_enforcement_disclosure, or no_contract when none is on file' }) posture!: Posture;
  @ApiProperty() postureText!: string;
  @ApiProperty() controlsText!: string;
  @ApiProperty({ enum: RELEASE_CONTROLS, description: 'Who decides on release: the practice, the practice after notice, a judge, the holder alone, or unknown' }) release!: ReleaseControl;
  @ApiPropertyOptional({ type: PostureQuoteDto, description: 'Absent when no document says' }) quote?: PostureQuoteDto;
  @ApiPropertyOptional({ description: 'Only a heading of this document speaks of legal requests' }) headingOnlyIn?: string;
  @ApiPropertyOptional({ type: HolderViaDto }) via?: HolderViaDto;
  @ApiPropertyOptional({ description: 'The contract stating the posture expired on this date' }) expired?: string;
  @ApiProperty({ type: [HolderFindingDto], description: 'Open weak-law-enforcement-posture findings on it' }) findings!: HolderFindingDto[];
}

export class LawEnforcementViewDto implements LawEnforcementView {
  @ApiProperty() lead!: string;
  @ApiProperty() intro!: string;
  @ApiProperty({ type: [LawEnforcementHolderDto], description: 'The practice first, then weakest posture and most sensitive holdings first' }) holders!: LawEnforcementHolderDto[];
}
