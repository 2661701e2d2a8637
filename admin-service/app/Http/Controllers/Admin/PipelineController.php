<?php

namespace App\Http\Controllers\Admin;

use App\Http\Controllers\Controller;
use App\Http\Requests\Admin\RestartConnectorRequest;
use App\Http\Resources\PipelineStatusResource;
use App\Services\Gateway\GatewayUnavailable;
use App\Services\Pipeline\Connector;
use App\Services\Pipeline\PipelineMonitor;

class PipelineController extends Controller
{
    public function index(PipelineMonitor $monitor)
    {
        $this->authorize('view', Connector::class);
        $status = (new PipelineStatusResource($monitor->snapshot()))->resolve();

        return view('admin.pipeline.index', ['status' => $status]);
    }

    /** Polled by the page every ~2 s. */
    public function status(PipelineMonitor $monitor)
    {
        $this->authorize('view', Connector::class);

        return (new PipelineStatusResource($monitor->snapshot()))->response()->header('Cache-Control', 'no-store');
    }

    public function restart(RestartConnectorRequest $request, Connector $connector)
    {
        try {
            $response = $connector->restart($request->user(), $request->ip());
            $ok = $response->ok();
            $message = $ok
                ? sprintf('Connector %s (it was %s).', $response->body['action'] ?? 'restarted', $response->body['previousState'] ?? 'unknown')
                : "The gateway refused the restart ({$response->status}): ".$response->message();
        } catch (GatewayUnavailable $e) {
            $ok = false;
            $message = 'The gateway is unreachable: '.$e->getMessage();
        }
        if ($request->expectsJson()) {
            return response()->json(['ok' => $ok, 'message' => $message], $ok ? 202 : 502);
        }

        return redirect()->route('admin.pipeline.index')->with($ok ? 'status' : 'error', $message);
    }
}
