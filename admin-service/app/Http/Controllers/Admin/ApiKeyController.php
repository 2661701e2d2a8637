<?php

namespace App\Http\Controllers\Admin;

use App\Http\Controllers\Controller;
use App\Http\Requests\Admin\StoreApiKeyRequest;
use App\Models\ApiKey;
use App\Services\ApiKeys\ApiKeyIssuer;
use App\Services\ApiKeys\ApiKeyRevoker;
use Illuminate\Http\Request;

class ApiKeyController extends Controller
{
    public function index()
    {
        $this->authorize('viewAny', ApiKey::class);

        return view('admin.api-keys.index', [
            'keys' => ApiKey::query()->with('creator')->orderByDesc('id')->paginate(25),
        ]);
    }

    public function create()
    {
        $this->authorize('create', ApiKey::class);

        return view('admin.api-keys.create', ['scopes' => ApiKey::SCOPES]);
    }

    /** The plaintext key is rendered in this response only: never flashed to the session, never stored. */
    public function store(StoreApiKeyRequest $request, ApiKeyIssuer $issuer)
    {
        [$key, $plaintext] = $issuer->issue(
            $request->validated()['name'],
            $request->validated()['scopes'],
            $request->expiresAt(),
            $request->user(),
            $request->ip(),
        );

        return response()
            ->view('admin.api-keys.created', ['key' => $key, 'plaintext' => $plaintext], 201)
            ->header('Cache-Control', 'no-store');
    }

    public function revoke(Request $request, ApiKey $apiKey, ApiKeyRevoker $revoker)
    {
        $this->authorize('revoke', $apiKey);
        $revoker->revoke($apiKey, $request->user(), $request->ip());

        return redirect()->route('admin.api-keys.index')->with('status', "Key {$apiKey->prefix}… ({$apiKey->name}) revoked.");
    }
}
