import { Global, Module } from '@nestjs/common';
import { MailService } from './mail.service.js';

/** MailService for every feature. The processor that sends is registered by WorkersModule. */
@Global()
@Module({ providers: [MailService], exports: [MailService] })
export class MailModule {}
