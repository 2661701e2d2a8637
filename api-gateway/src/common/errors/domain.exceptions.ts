import { ConflictException, HttpException, HttpStatus } from '@nestjs/common';
import type { ErrorDetail } from './error-body';

/** 422 naming the offending field (e.g. a categoryId that does not exist). */
export class UnprocessableFieldException extends HttpException {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message, HttpStatus.UNPROCESSABLE_ENTITY);
  }
  get details(): ErrorDetail[] {
    return [{ field: this.field, message: this.message }];
  }
}

export class FieldConflictException extends ConflictException {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
  get details(): ErrorDetail[] {
    return [{ field: this.field, message: this.message }];
  }
}
