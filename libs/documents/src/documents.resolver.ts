import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Public, Roles, type Principal } from '@ots/identity';
import { DocumentIssuerService } from './document-issuer.service.js';
import { DocumentVerificationService } from './document-verification.service.js';
import { DocumentVerificationView, IssueDocumentInput, IssuedDocumentView, RevokedDocumentView } from './documents.types.js';

@Resolver()
export class DocumentsResolver {
  constructor(
    private readonly issuer: DocumentIssuerService,
    private readonly verifier: DocumentVerificationService,
  ) {}

  @Roles('officer', 'admin')
  @Mutation(() => IssuedDocumentView, { description: 'Issues a signed document of this node (officer or admin).' })
  issueDocument(@Args('input') input: IssueDocumentInput, @CurrentPrincipal() principal: Principal): Promise<IssuedDocumentView> {
    return this.issuer.issue(input, principal);
  }

  @Roles('officer', 'admin')
  @Mutation(() => RevokedDocumentView, { description: "Sets the document's status bit (officer or admin)." })
  async revokeDocument(
    @Args('jti') jti: string,
    @Args('reason') reason: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RevokedDocumentView> {
    const revoked = await this.issuer.revoke(jti, reason, principal);
    return { jti: revoked.jti, revokedAt: revoked.revokedAt as Date, reason: revoked.revocationReason as string };
  }

  @Public()
  @Query(() => DocumentVerificationView, {
    description: 'Verifies one document against the trust store. Never fails for a bad document: the reason says why.',
  })
  verifyDocument(@Args('jws') jws: string): Promise<DocumentVerificationView> {
    return this.verifier.verify(jws);
  }

  @Public()
  @Query(() => [DocumentVerificationView], { description: 'Verifies up to 1,000 documents, in order.' })
  verifyDocuments(@Args('jws', { type: () => [String] }) jws: string[]): Promise<DocumentVerificationView[]> {
    return this.verifier.verifyMany(jws);
  }
}
