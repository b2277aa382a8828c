import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'custody:public';
/** Marks a route that needs no API key (health only). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
