import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { UnhandledExceptionBus } from '@nestjs/cqrs';
import { Subject, takeUntil } from 'rxjs';
import { safeErrorText } from '@custody/domain';

/** The one subscriber on CQRS's UnhandledExceptionBus: an event handler's error is logged, never lost. */
@Injectable()
export class UnhandledExceptionLogger implements OnModuleDestroy {
  private readonly log = new Logger('UnhandledException');
  private readonly destroy$ = new Subject<void>();

  constructor(bus: UnhandledExceptionBus) {
    bus.pipe(takeUntil(this.destroy$)).subscribe(({ exception, cause }) => {
      this.log.error(`${(cause as object)?.constructor?.name ?? 'event'}: ${safeErrorText(exception)}`);
    });
  }

  onModuleDestroy(): void {
    this.destroy$.next();
    this.destroy$.complete();
  }
}
